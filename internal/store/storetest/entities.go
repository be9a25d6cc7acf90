package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

func testEntities(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	a, b := newDoc("a"), newDoc("b")
	a.Published, b.Published = "2022-05-08", "2019-02-25T09:00:00Z"
	mustInsert(t, s, a, b)

	var assad, iran store.Entity
	mustUpdate(t, s, func(tx store.Tx) error {
		assad = store.Entity{Type: "PER", Name: "Bashar al-Assad", Names: []string{"Bashar al-Assad", "Assad"}}
		if err := tx.PutEntity(ctx, &assad, []string{"PER:asad", "PER:first:bashar"}); err != nil {
			return err
		}
		iran = store.Entity{Type: "LOC", Name: "Iran", Names: []string{"Iran"}}
		if err := tx.PutEntity(ctx, &iran, []string{"LOC:iran"}); err != nil {
			return err
		}
		return tx.PutEntityLinks(ctx, "a", []store.EntityLink{
			{Local: 0, Entity: assad.ID, Mentions: 3, Names: []store.NameCount{{Name: "Bashar al-Assad", Count: 1}, {Name: "Assad", Count: 1}},
				Roles: []store.RoleFact{{Role: "Syrian President", Key: "syrian president", Start: 0, End: 16}}},
			{Local: 1, Entity: iran.ID, Mentions: 1, Names: []store.NameCount{{Name: "Iran", Count: 1}}},
			{Local: 2, Mentions: 1, RoleKey: "iranian president"},
		})
	})
	if assad.ID == "" || iran.ID == "" || assad.ID == iran.ID {
		t.Fatalf("PutEntity gave ids %q and %q", assad.ID, iran.ID)
	}

	t.Run("candidates", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error {
			got, err := tx.EntityCandidates(ctx, []string{"PER:asad", "PER:first:bashar", "LOC:nowhere"})
			if err != nil {
				return err
			}
			want := []store.Entity{{ID: assad.ID, Type: "PER", Name: "Bashar al-Assad", Names: []string{"Assad", "Bashar al-Assad"}, Keys: []string{"PER:asad", "PER:first:bashar"}, Documents: 1}}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("EntityCandidates = %+v, want %+v", got, want)
			}
			if got, err := tx.EntityCandidates(ctx, nil); err != nil || len(got) != 0 {
				t.Errorf("EntityCandidates(nil) = %v, %v", got, err)
			}
			return nil
		})
	})
	t.Run("update adds names and keys", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error {
			e := assad
			e.Names = append(e.Names, "Bashar Assad")
			if err := tx.PutEntity(ctx, &e, []string{"PER:asad", "PER:syria-leader"}); err != nil {
				return err
			}
			got, err := tx.EntityCandidates(ctx, []string{"PER:syria-leader"})
			if err != nil || len(got) != 1 || len(got[0].Names) != 3 {
				t.Errorf("after update, EntityCandidates = %+v, %v; want Assad with 3 names", got, err)
			}
			if err := tx.PutEntity(ctx, &store.Entity{ID: "E999999", Type: "PER", Name: "x"}, nil); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("PutEntity(unknown id) = %v, want ErrNotFound", err)
			}
			return nil
		})
	})
	t.Run("read", func(t *testing.T) {
		e, err := s.Entity(ctx, assad.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e.Documents != 1 || e.Mentions != 3 || len(e.Aliases) != 2 {
			t.Errorf("Entity = %+v; want 1 document, 3 mentions, 2 aliases", e)
		}
		if len(e.Roles) != 1 || e.Roles[0].Role != "Syrian President" || e.Roles[0].From != "2022-05-08" || e.Roles[0].Evidence != "a" {
			t.Errorf("Roles = %+v", e.Roles)
		}
		if _, err := s.Entity(ctx, "E999999"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entity(unknown) = %v, want ErrNotFound", err)
		}
		if _, err := s.Entity(ctx, "bogus"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entity(bogus) = %v, want ErrNotFound", err)
		}
		list, err := s.Entities(ctx, store.EntityQuery{Name: "ASSAD"})
		if err != nil || len(list) != 1 || list[0].ID != assad.ID {
			t.Errorf("Entities(name ASSAD) = %+v, %v", list, err)
		}
		list, err = s.Entities(ctx, store.EntityQuery{Name: "%"})
		if err != nil || len(list) != 0 {
			t.Errorf("Entities(name %%) = %+v, %v; want none", list, err)
		}
		list, err = s.Entities(ctx, store.EntityQuery{AfterID: assad.ID})
		if err != nil || len(list) != 1 || list[0].ID != iran.ID {
			t.Errorf("Entities(after Assad) = %+v, %v; want Iran", list, err)
		}
		list, err = s.Entities(ctx, store.EntityQuery{IDs: []string{iran.ID, "E999999", "bogus"}, MaxDocuments: 1})
		if err != nil || len(list) != 1 || list[0].ID != iran.ID || list[0].Name != "Iran" {
			t.Errorf("Entities(ids of Iran, unknown and bogus) = %+v, %v; want Iran", list, err)
		}
		docs, err := s.EntityDocuments(ctx, iran.ID, 0, 0)
		if err != nil || len(docs) != 1 || docs[0].ID != "a" {
			t.Errorf("EntityDocuments = %v, %v", docs, err)
		}
		links, err := s.EntityLinks(ctx, "a")
		if err != nil || len(links) != 3 || links[0].Entity != assad.ID || links[2].Entity != "" || links[2].RoleKey != "iranian president" {
			t.Errorf("EntityLinks = %+v, %v", links, err)
		}
		if st, err := s.Stats(ctx); err != nil || st.Entities != 2 {
			t.Errorf("Stats = %+v, %v; want 2 entities", st, err)
		}
	})
	t.Run("roles and descriptors", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error {
			rouhani := store.Entity{Type: "PER", Name: "Hassan Rouhani", Names: []string{"Hassan Rouhani"}}
			if err := tx.PutEntity(ctx, &rouhani, []string{"PER:rouhani"}); err != nil {
				return err
			}
			if err := tx.PutEntityLinks(ctx, "b", []store.EntityLink{{Local: 0, Entity: rouhani.ID, Mentions: 1,
				Names: []store.NameCount{{Name: "Hassan Rouhani", Count: 1}},
				Roles: []store.RoleFact{{Role: "Iranian President", Key: "iranian president", Start: 0, End: 17}}}}); err != nil {
				return err
			}
			hs, err := tx.RoleHolders(ctx, "iranian president", "", "")
			if err != nil || len(hs) != 1 || hs[0].Entity != rouhani.ID || hs[0].Published != "2019-02-25T09:00:00Z" || hs[0].Document != "b" {
				t.Errorf("RoleHolders = %+v, %v", hs, err)
			}
			ds, err := tx.RoleDescriptors(ctx, "iranian president", "", "")
			if err != nil || len(ds) != 1 || ds[0].Document != "a" || ds[0].Local != 2 || ds[0].Entity != "" || ds[0].Published != "2022-05-08" {
				t.Errorf("RoleDescriptors = %+v, %v", ds, err)
			}
			if hs, err := tx.RoleHolders(ctx, "iranian president", "2020-01-01", ""); err != nil || len(hs) != 0 {
				t.Errorf("RoleHolders from 2020 = %+v, %v; want none (the fact is of 2019)", hs, err)
			}
			if ds, err := tx.RoleDescriptors(ctx, "iranian president", "2022-05-01", "2022-05-31"); err != nil || len(ds) != 1 {
				t.Errorf("RoleDescriptors in May 2022 = %+v, %v; want one", ds, err)
			}
			keys, err := tx.RoleKeys(ctx, "a")
			if err != nil || !reflect.DeepEqual(keys, []string{"iranian president", "syrian president"}) {
				t.Errorf("RoleKeys = %v, %v", keys, err)
			}
			if err := tx.SetLinkEntity(ctx, "a", 2, rouhani.ID); err != nil {
				return err
			}
			if err := tx.SetLinkEntity(ctx, "a", 9, rouhani.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("SetLinkEntity(no such link) = %v, want ErrNotFound", err)
			}
			return nil
		})
		links, err := s.EntityLinks(ctx, "a")
		if err != nil || links[2].Entity == "" {
			t.Fatalf("after SetLinkEntity, EntityLinks = %+v, %v", links, err)
		}
		e, err := s.Entity(ctx, links[2].Entity)
		if err != nil || e.Documents != 2 {
			t.Errorf("Rouhani = %+v, %v; want 2 documents", e, err)
		}
	})
	t.Run("a new analysis drops the links", func(t *testing.T) {
		mustUpdate(t, s, func(tx store.Tx) error { return tx.PutAnalysis(ctx, "a", sampleAnalysis(1)) })
		if links, err := s.EntityLinks(ctx, "a"); err != nil || len(links) != 0 {
			t.Errorf("EntityLinks after PutAnalysis = %+v, %v; want none", links, err)
		}
		e, err := s.Entity(ctx, assad.ID)
		if err != nil || e.Documents != 0 {
			t.Errorf("Assad after the only document's links went = %+v, %v; want 0 documents", e, err)
		}
		if err := s.Update(ctx, func(tx store.Tx) error { return tx.PutEntityLinks(ctx, "missing", nil) }); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("PutEntityLinks(missing) = %v, want ErrNotFound", err)
		}
	})
}
