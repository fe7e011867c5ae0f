/** Poll series beside media series: import, alignment, lead-lag and Granger tests. Entry type: to be written. */
package org.narrativewatch.opinion;
