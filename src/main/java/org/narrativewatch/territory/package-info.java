/**
 * Territory accounting: control areas over time, the line of contact, people affected, scenarios.
 * Entry type: {@link org.narrativewatch.territory.Territory} (regions, places and snapshots prepared once; figures
 * per date). All measurements are made in the equal-area plane of {@link org.narrativewatch.territory.Projection}.
 * {@link org.narrativewatch.territory.TerritoryShifts} hands series columns to the shift detector.
 */
package org.narrativewatch.territory;
