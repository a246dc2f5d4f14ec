/** `/changes.xml`: the Atom feed of the ladder's changes (empty when the site is built without git history). */
import type { APIRoute } from 'astro';
import type { HistoryItem } from '../git/history.ts';
import { atomFeed } from '../site/feed.ts';
import { commitAnchor, getHistory, historyItemLink } from '../site/history.ts';
import { getLadder } from '../site/ladder.ts';
import { absolute, links } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const ladder = getLadder();
  const history = getHistory();
  const itemUrl = (item: HistoryItem): string | undefined => {
    const path = historyItemLink(ladder, item);
    return path === undefined ? undefined : absolute(path, site);
  };
  const body = atomFeed({
    ladderName: ladder.name,
    entries: history.entries,
    pageUrl: absolute(links.changes(), site),
    selfUrl: absolute(links.changesFeed(), site),
    absolutePageUrl: site ? absolute(links.changes(), site) : undefined,
    itemUrl,
    anchor: (entry) => commitAnchor(entry.commit),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
