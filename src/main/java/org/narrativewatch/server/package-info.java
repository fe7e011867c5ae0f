/** The HTTP API and the browser dashboard. Entry type: to be written. */
package org.narrativewatch.server;
