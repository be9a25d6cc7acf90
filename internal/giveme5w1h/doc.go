// Package giveme5w1h reads the Giveme5W1H gold standard (Hamborg et al.,
// 2019): 96 English news articles of November 2016 from 13 outlets, each
// annotated with the phrases that answer who, what, when, where, why and
// how of its main event.
//
// The articles come in groups on one story, named by their "category"
// field ("tram", "tram victims", "clinton blames comey", "clinton clear",
// "cubs win championship"…): 12 groups and one article without a
// category. The groups are same-event article groups, close neighbours
// among them on purpose (the Croydon tram crash and the naming of its
// victims days later; the FBI clearing Clinton and Clinton blaming the FBI
// director), so Category serves as the gold event for clustering; the
// article without one has no gold event.
package giveme5w1h
