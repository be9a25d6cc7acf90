package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Who may change the store.
//
// Reading is open to whoever reaches the server. Writing (ingest from the
// browser or the API) is open too when the server has no token, which the
// command line allows only on loopback; with a token, a request writes only
// when it carries it, as "Authorization: Bearer TOKEN" or as the cookie the
// login form sets. Without it the UI is read-only.
//
// Every write must also come from the server's own pages: a browser sends
// Sec-Fetch-Site or Origin with a form post, and a post from another site is
// refused, so a page elsewhere cannot make a visitor's browser ingest
// something (cross-site request forgery), token or not.

const (
	sessionCookie = "parallax_session"
	sessionTTL    = 30 * 24 * time.Hour
)

// session is the cookie value for token: a digest, so the cookie does not
// hold the token itself.
func session(token string) string {
	sum := sha256.Sum256([]byte("parallax session\x00" + token))
	return hex.EncodeToString(sum[:])
}

// canWrite reports whether r may change the store.
func (s *Server) canWrite(r *http.Request) bool {
	if s.token == "" {
		return true
	}
	if h := r.Header.Get("Authorization"); h != "" {
		if tok, ok := strings.CutPrefix(h, "Bearer "); ok {
			return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.token)) == 1
		}
		return false
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		return subtle.ConstantTimeCompare([]byte(c.Value), []byte(session(s.token))) == 1
	}
	return false
}

// sameOrigin reports whether a state-changing request comes from this
// server's own pages, or from a client that is not a browser (no
// Sec-Fetch-Site, Origin or Referer at all, like curl with a bearer token).
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return true
	case "":
	default:
		return false
	}
	for _, h := range []string{"Origin", "Referer"} {
		if v := r.Header.Get(h); v != "" {
			u, err := url.Parse(v)
			return err == nil && u.Host != "" && u.Host == r.Host
		}
	}
	return true
}

// guard checks a state-changing request: it must come from our own pages
// and be allowed to write.
func (s *Server) guard(r *http.Request) error {
	if !sameOrigin(r) {
		return errorf(http.StatusForbidden, "refused: the request came from another site")
	}
	if !s.canWrite(r) {
		return errorf(http.StatusUnauthorized, "this server is read-only without its token: log in at /login or send Authorization: Bearer TOKEN")
	}
	return nil
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, "login", map[string]any{"Title": "Log in", "Next": safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	if !sameOrigin(r) {
		return errorf(http.StatusForbidden, "refused: the request came from another site")
	}
	if err := r.ParseForm(); err != nil {
		return errorf(http.StatusBadRequest, "unreadable form")
	}
	next := safeNext(r.PostForm.Get("next"))
	if s.token == "" {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	tok := strings.TrimSpace(r.PostForm.Get("token"))
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
		return s.renderStatus(w, http.StatusUnauthorized, "login", map[string]any{"Title": "Log in", "Next": next, "Error": "That is not this server's token."})
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: session(s.token), Path: "/",
		MaxAge: int(sessionTTL / time.Second), HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: r.TLS != nil,
	})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	if !sameOrigin(r) {
		return errorf(http.StatusForbidden, "refused: the request came from another site")
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// safeNext keeps a redirect target on this server: a path, not a URL of
// another host ("//evil.example" included).
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
