/**
 * A light person/place/organisation name tagger for ru/uk/en that needs no model download
 * (dictionary tags, capitalisation, initials, quotes, an optional GeoNames gazetteer) and its
 * evaluation against UD PROPN tags ({@code nwatch eval-names}). Entry type:
 * {@link org.narrativewatch.explain.names.NameTagger}.
 */
package org.narrativewatch.explain.names;
