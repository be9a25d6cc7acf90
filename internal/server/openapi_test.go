package server

import (
	"encoding/json"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/export"
)

// testDir holds the demo store of the package's tests.
var testDir string

func tempDir() (string, error) {
	if testDir == "" {
		d, err := os.MkdirTemp("", "parallax-server-test-")
		if err != nil {
			return "", err
		}
		testDir = d
	}
	return testDir, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if st, err := demoStore(); err == nil && st != nil {
		st.Close()
	}
	if testDir != "" {
		os.RemoveAll(testDir)
	}
	os.Exit(code)
}

// openAPIDoc is what the tests read of the OpenAPI document.
type openAPIDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Info       map[string]any                        `json:"info"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Properties map[string]any   `json:"properties"`
			AllOf      []map[string]any `json:"allOf"`
		} `json:"schemas"`
	} `json:"components"`
}

func TestOpenAPI(t *testing.T) {
	s, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var doc openAPIDoc
	get(t, s, "/api/openapi.json", http.StatusOK, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Info["title"] == nil || doc.Info["version"] == nil || len(doc.Paths) == 0 || len(doc.Components.Schemas) == 0 {
		t.Fatalf("OpenAPI document lacks its top-level fields: openapi %q, info %v, %d paths, %d schemas",
			doc.OpenAPI, doc.Info, len(doc.Paths), len(doc.Components.Schemas))
	}

	// Every route is described, and every description is a route.
	var routes []string
	for _, rt := range s.apiRoutes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		routes = append(routes, strings.ToLower(method)+" "+path)
	}
	var described []string
	for path, ops := range doc.Paths {
		for method := range ops {
			described = append(described, method+" "+path)
		}
	}
	slices.Sort(routes)
	slices.Sort(described)
	if !slices.Equal(routes, described) {
		t.Errorf("routes and OpenAPI paths differ:\nroutes    %v\ndescribed %v", routes, described)
	}

	// Every $ref names a schema.
	raw, _ := json.Marshal(doc)
	for _, part := range strings.Split(string(openAPI), `"$ref": "#/components/schemas/`)[1:] {
		name := part[:strings.IndexByte(part, '"')]
		if _, ok := doc.Components.Schemas[name]; !ok {
			t.Errorf("$ref to undefined schema %s", name)
		}
	}
	_ = raw

	// The schemas of the export's shapes list the fields the Go types
	// encode, no more and no fewer.
	for name, v := range map[string]any{
		"Document": export.Document{}, "Entity": export.Entity{}, "Role": export.Role{}, "Evidence": export.Evidence{},
		"Mention": export.Mention{}, "Quote": export.Quote{}, "Excerpt": export.Excerpt{}, "Statement": export.Statement{},
		"Rendering": export.Rendering{}, "DiffPart": export.DiffPart{}, "Event": apiEvent{}, "EventDate": export.EventDate{},
		"Claim": export.Claim{}, "FactClaim": export.FactClaim{}, "Coverage": export.Coverage{}, "Conflict": export.Conflict{},
		"Hit": apiHit{}, "Analysis": apiAnalysis{}, "Report": apiReport{}, "Cooccurrence": apiCooccurrence{},
		"ConflictList": conflictList{}, "DocumentList": list[export.Document]{},
	} {
		sc, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("no schema %s", name)
			continue
		}
		var props []string
		for p := range sc.Properties {
			props = append(props, p)
		}
		slices.Sort(props)
		if want := jsonFields(reflect.TypeOf(v)); !slices.Equal(props, want) {
			t.Errorf("schema %s has %v, the type encodes %v", name, props, want)
		}
	}
}

// jsonFields returns the names encoding/json gives the fields of struct
// type t, sorted.
func jsonFields(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, name)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
