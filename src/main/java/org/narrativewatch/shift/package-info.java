/** Change-point detection on series. Entry type: to be written. */
package org.narrativewatch.shift;
