package names_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/names"
)

func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Bashar al-Assad", "Bashar Assad"},
		{"Seyyed Ali Khamenei", "Seyed Ali Khamenei"},
		{"Qassem Soleimani", "Qasem Soleimani"},
		{"Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"},
		{"Mohammed bin Zayed Al Nahyan", "Mohammed bin Zayed al-Nahyan"},
		{"José Martí", "Jose Marti"},
		{"U.S.", "US"},
	}
	for _, p := range same {
		if a, b := names.NameKey(p[0]), names.NameKey(p[1]); a != b {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	different := [][2]string{
		{"Bashar al-Assad", "Hafez al-Assad"},
		{"Mohammed bin Rashid Al Maktoum", "Mohammed bin Zayed Al Nahyan"},
		{"Hossein Amir-Abdollahian", "Hossein Hamedani"},
		{"Ruhollah Khomeini", "Ali Khamenei"},
	}
	for _, p := range different {
		if a, b := names.NameKey(p[0]), names.NameKey(p[1]); a == b {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q; want different", p[0], p[1], a)
		}
	}
}

func TestAcronym(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Islamic Revolutionary Guard Corps", "irgc"},
		{"United Arab Emirates", "uae"},
		{"Supreme National Security Council", "snsc"},
		{"United States", "us"},
		{"Seren Basin Commission", "sbc"},
		{"Bank of England", "be"},
		{"Hezbollah", ""},
	}
	for _, tt := range tests {
		if got := names.Acronym(tt.name); got != tt.want {
			t.Errorf("Acronym(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	for name, want := range map[string]bool{"IRGC": true, "U.S.": true, "UAE": true, "Iran": false, "I": false, "NATOPLUSX": false} {
		if got := names.IsAcronym(name); got != want {
			t.Errorf("IsAcronym(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSameEntity holds the alias sets and look-alike pairs of the
// entities issue.
func TestSameEntity(t *testing.T) {
	same := [][2]string{
		{"Seyyed Ali Khamenei", "Ali Khamenei"},
		{"Seyed Ali Khamenei", "Seyyed Ali Khamenei"},
		{"Ayatollah Khamenei", "Khamenei"}, // titles are out of names, but a caller may pass one
		{"Bashar al-Assad", "Bashar Assad"},
		{"Bashar al-Assad", "Assad"},
		{"Qassem Soleimani", "Qasem Soleimani"},
		{"Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"},
		{"Hossein Amir Abdollahian", "Amir-Abdollahian"},
		{"Ebrahim Raisi", "Raisi"},
		{"Seyed Ebrahim Raisi", "Ebrahim Raisi"},
		{"Mohammed bin Zayed Al Nahyan", "Mohammed bin Zayed"},
	}
	for _, p := range same {
		if !names.SameEntity(p[0], p[1]) || !names.SameEntity(p[1], p[0]) {
			t.Errorf("SameEntity(%q, %q) = false, want true", p[0], p[1])
		}
	}
	different := [][2]string{
		{"Bashar al-Assad", "Hafez al-Assad"},
		{"Mohammed bin Rashid Al Maktoum", "Mohammed bin Zayed Al Nahyan"},
		{"Imam Khomeini", "Imam Khamenei"},
		{"Hossein Amir-Abdollahian", "Hossein Hamedani"},
		{"Ali Khamenei", "Ali Larijani"},
	}
	for _, p := range different {
		if names.SameEntity(p[0], p[1]) || names.SameEntity(p[1], p[0]) {
			t.Errorf("SameEntity(%q, %q) = true, want false", p[0], p[1])
		}
	}
}

func TestRole(t *testing.T) {
	tests := []struct {
		title, role string
		ended       bool
	}{
		{"Syrian President", "Syrian President", false},
		{"Supreme Leader Ayatollah", "Supreme Leader", false},
		{"former President", "President", true},
		{"the late Iranian President", "Iranian President", true},
		{"Mr.", "", false},
		{"Ayatollah", "", false},
		{"Martyr", "", false},
		{"late", "", true},
		{"acting President", "President", false},
		{"His Majesty King", "King", false},
		{"the Iranian president", "Iranian president", false},
	}
	for _, tt := range tests {
		role, ended := names.Role(tt.title)
		if role != tt.role || ended != tt.ended {
			t.Errorf("Role(%q) = %q, %v; want %q, %v", tt.title, role, ended, tt.role, tt.ended)
		}
	}
}

func TestRoleKey(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Syrian Foreign Minister", "the Syrian foreign minister"},
		{"Syria's Foreign Minister", "the Syrian foreign minister"},
		{"Iranian President", "the Iranian president"},
		{"acting Iranian President", "the Iranian president"},
		{"U.S. President", "the American president"},
		{"US President", "the U.S. president"},
		{"Iranian Foreign Ministry spokesman", "the Iranian foreign ministry spokesman"},
	} {
		if ka, kb := names.RoleKey(tt.a), names.RoleKey(tt.b); ka != kb || ka == "" {
			t.Errorf("RoleKey(%q) = %q, RoleKey(%q) = %q; want equal", tt.a, ka, tt.b, kb)
		}
	}
	for _, tt := range []struct{ a, b string }{
		{"Syrian President", "Iranian President"},
		{"President", "Iranian President"},
		{"Austrian Chancellor", "Australian Chancellor"},
	} {
		if ka, kb := names.RoleKey(tt.a), names.RoleKey(tt.b); ka == kb {
			t.Errorf("RoleKey(%q) = RoleKey(%q) = %q; want different", tt.a, tt.b, ka)
		}
	}
	if office, country := names.RoleOffice(names.RoleKey("the Iranian supreme leader")); office != "supreme leader" || country != "iran" {
		t.Errorf("RoleOffice = %q, %q", office, country)
	}
	if office, country := names.RoleOffice("president"); office != "president" || country != "" {
		t.Errorf("RoleOffice(president) = %q, %q", office, country)
	}
}
