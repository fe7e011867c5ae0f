/** Territory accounting: control areas over time, the line of contact, people affected, scenarios. Entry type: to be written. */
package org.narrativewatch.territory;
