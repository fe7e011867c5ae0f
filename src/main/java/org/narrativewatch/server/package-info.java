/** The HTTP API (described by openapi.json) and the browser dashboard over the engine seam, with the events layer, the territory map layers and the poll series (read-only views of the territory and opinion packages), and the server's bounds (loopback, write token, sizes, timeouts). Entry type: {@link org.narrativewatch.server.DashboardServer}. */
package org.narrativewatch.server;
