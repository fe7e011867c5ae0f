/** The outlets a user follows: names, group labels, languages, time zones and feed addresses, from the bundled outlets.yaml or the user's own file; also maps a host to its outlet for archives. Entry type: {@link org.narrativewatch.ingest.outlets.OutletDirectory}. */
package org.narrativewatch.ingest.outlets;
