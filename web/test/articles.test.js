// How a hit's date is written: as precisely as the source said, never an invented midnight.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('dates without a time are shown without one', async () => {
  globalThis.document = undefined; // articles.js touches the DOM only when called
  const { publishedText } = await import('../src/articles.js');
  assert.equal(publishedText({ published: '2026-03-02T00:00Z', date_quality: 'date_only' }), '2026-03-02');
  assert.equal(publishedText({ published: '2022-02-14T06:30Z', date_quality: 'exact' }), '2022-02-14 06:30 UTC');
  assert.equal(publishedText({ published: '2022-02-18T13:30+03:00', date_quality: 'exact' }), '2022-02-18 13:30 +03:00');
  assert.equal(publishedText({ published: '2022-02-14T06:30Z', date_quality: 'guessed' }), '2022-02-14 (date guessed)');
  assert.equal(publishedText({ published: null }), 'no date');
});
