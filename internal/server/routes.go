package server

import "net/http"

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
	mux.HandleFunc("GET /api/documents", s.api(s.handleAPIDocuments))
	mux.HandleFunc("POST /api/documents", s.api(s.handleAPIAdd))
	mux.HandleFunc("GET /api/documents/{id}", s.api(s.handleAPIDocument))
	mux.HandleFunc("GET /api/documents/{id}/analysis", s.api(s.handleAPIAnalysis))
	mux.HandleFunc("GET /api/search", s.api(s.handleAPISearch))
	mux.HandleFunc("GET /api/entities", s.api(s.handleAPIEntities))
	mux.HandleFunc("GET /api/entities/{id}", s.api(s.handleAPIEntity))
	mux.HandleFunc("GET /api/statements", s.api(s.handleAPIStatements))
	mux.HandleFunc("GET /api/statements/{id}", s.api(s.handleAPIStatement))
	mux.HandleFunc("GET /api/stats", s.api(s.handleAPIStats))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })

	mux.HandleFunc("/", s.page(func(w http.ResponseWriter, r *http.Request) error {
		return errorf(http.StatusNotFound, "no page at %s", r.URL.Path)
	}))
	return mux
}
