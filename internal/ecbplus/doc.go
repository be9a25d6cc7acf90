// Package ecbplus reads the ECB+ corpus (Cybulska and Vossen, 2014) as
// plain news documents for the evaluation of event clustering.
//
// ECB+ groups news articles in topics; each topic holds articles about two
// different events of one kind (two earthquakes, two arrests of one actor):
// the original ECB articles (files TOPIC_Necb.xml) and the ones added by ECB+
// (TOPIC_Necbplus.xml). The gold event of a document is therefore its topic
// and half, "1/ecb" or "1/ecbplus".
//
// The corpus is distributed as token XML. ReadFile rebuilds running text
// from the tokens with the spacing a writer would have used ("Calif.,",
// "90-day", "“Scrubs,”") and one sentence a line. The URL that the ECB+
// files hold as their sentence zero is kept apart (Document.URL), out of
// the text: it is metadata, not what the article says. The corpus gives no
// publication dates.
package ecbplus
