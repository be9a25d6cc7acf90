package server

import "net/http"

// route is one route: a ServeMux pattern and its handler.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// apiRoutes declares every route of the JSON API; openapi.json describes
// each (a test holds them to it).
func (s *Server) apiRoutes() []route {
	return []route{
		{"GET /api/openapi.json", s.api(s.handleAPIOpenAPI)},
		{"GET /api/stats", s.api(s.handleAPIStats)},
		{"GET /api/documents", s.api(s.handleAPIDocuments)},
		{"POST /api/documents", s.api(s.handleAPIAdd)},
		{"GET /api/documents/{id}", s.api(s.handleAPIDocument)},
		{"GET /api/documents/{id}/analysis", s.api(s.handleAPIAnalysis)},
		{"GET /api/documents/{id}/events", s.api(s.handleAPIDocumentEvents)},
		{"GET /api/search", s.api(s.handleAPISearch)},
		{"GET /api/entities", s.api(s.handleAPIEntities)},
		{"GET /api/entities/{id}", s.api(s.handleAPIEntity)},
		{"GET /api/entities/{id}/cooccurring", s.api(s.handleAPICooccurring)},
		{"GET /api/quotes", s.api(s.handleAPIQuotes)},
		{"GET /api/quotes/{id}", s.api(s.handleAPIQuote)},
		{"GET /api/statements", s.api(s.handleAPIStatements)},
		{"GET /api/statements/{id}", s.api(s.handleAPIStatement)},
		{"GET /api/events", s.api(s.handleAPIEvents)},
		{"GET /api/events/{id}", s.api(s.handleAPIEvent)},
		{"GET /api/timeline", s.api(s.handleAPITimeline)},
		{"GET /api/conflicts", s.api(s.handleAPIConflicts)},
		{"GET /api/conflicts/{id}", s.api(s.handleAPIConflict)},
	}
}

// routes declares every route of the API and the UI.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	// UI
	mux.HandleFunc("GET /{$}", s.page(s.handleHome))
	mux.HandleFunc("GET /documents", s.page(s.handleDocuments))
	mux.HandleFunc("GET /documents/{id}", s.page(s.handleDocument))
	mux.HandleFunc("GET /events", s.page(s.handleEvents))
	mux.HandleFunc("GET /events/{id}", s.page(s.handleEvent))
	mux.HandleFunc("GET /search", s.page(s.handleSearch))
	mux.HandleFunc("GET /entities", s.page(s.handleEntities))
	mux.HandleFunc("GET /entities/{id}", s.page(s.handleEntity))
	mux.HandleFunc("GET /statements/{id}", s.page(s.handleStatement))
	mux.HandleFunc("GET /static/{name}", s.handleStatic)
	mux.HandleFunc("GET /ingest", s.page(s.handleIngestForm))
	mux.HandleFunc("POST /ingest", s.page(s.handleIngest))
	mux.HandleFunc("GET /login", s.page(s.handleLoginForm))
	mux.HandleFunc("POST /login", s.page(s.handleLogin))
	mux.HandleFunc("POST /logout", s.page(s.handleLogout))

	// API
	for _, rt := range s.apiRoutes() {
		mux.HandleFunc(rt.pattern, rt.handler)
	}
	mux.HandleFunc("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		return errorf(http.StatusNotFound, "no API route %s %s (see /api/openapi.json)", r.Method, r.URL.Path)
	}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })

	mux.HandleFunc("/", s.page(func(w http.ResponseWriter, r *http.Request) error {
		return errorf(http.StatusNotFound, "no page at %s", r.URL.Path)
	}))
	return mux
}
