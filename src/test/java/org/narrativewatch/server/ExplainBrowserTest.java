package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A bucket click shows the bucket's key terms next to its articles (web/src/explain.js over
 * /api/explain), in headless Chromium; skipped without a browser outside CI, as DashboardBrowserTest.
 */
class ExplainBrowserTest extends BrowserTestBase {

    @Test
    void aBucketClickShowsItsKeyTerms() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        open("q=" + Http.enc("переговоры") + "&by=week");
        clickBucket("2022-02-21");
        wait.until(d -> d.findElements(By.cssSelector("#articles .keyterms-head")).size() == 1);
        String head = driver.findElement(By.cssSelector("#articles .keyterms-head")).getText();
        // the week of 2022-02-21 has 3 talks articles; the eight weeks before it (from 2021-12-27) have 1
        assertTrue(head.contains("Key terms: 3 articles here vs 1 in 2021-12-27 – 2022-02-20"), head);
        assertTrue(driver.findElements(By.cssSelector("#articles .keyterms-box script, #articles .keyterms-box img")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("#articles .hit")).isEmpty(), "the articles are still listed");
    }
}
