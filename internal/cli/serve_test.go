package cli

import "testing"

func TestWriteToken(t *testing.T) {
	env := func(v string) Env {
		return Env{Getenv: func(k string) string { return map[string]string{"PARALLAX_TOKEN": v}[k] }}
	}
	for _, c := range []struct {
		addr, flag, envTok string
		want               string // "" none, "*" a made-up one
	}{
		{"127.0.0.1:8080", "", "", ""},
		{"localhost:0", "", "", ""},
		{"[::1]:8080", "", "", ""},
		{"127.0.0.1:8080", "given", "", "given"},
		{"0.0.0.0:8080", "", "", "*"},
		{"0.0.0.0:8080", "", "from-env", "from-env"},
		{"192.168.1.5:80", "given", "from-env", "given"},
		{":8080", "", "", "*"},
	} {
		tok, made, err := writeToken(env(c.envTok), serveOptions{addr: c.addr, token: c.flag})
		switch {
		case err != nil:
			t.Errorf("%+v: %v", c, err)
		case c.want == "*":
			if !made || len(tok) < 20 {
				t.Errorf("%+v: got %q (made %v), want a new random token", c, tok, made)
			}
		case tok != c.want || made:
			t.Errorf("%+v: got %q (made %v), want %q", c, tok, made, c.want)
		}
	}
}
