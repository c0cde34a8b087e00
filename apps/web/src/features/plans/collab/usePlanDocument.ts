/**
 * One plan's collaborative document in this tab: a Y.Doc, kept in IndexedDB (so what is typed
 * offline survives a closed tab and merges on return) and synced through the stock y-websocket
 * provider at `/collab/<documentName>`, authenticated by the session cookie.
 */
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SaveTracker } from './saveTracker';

export interface PlanDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  saves: SaveTracker;
}

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

function openPlanDocument(documentName: string, userId: string) {
  const doc = new Y.Doc();
  // Per person: two people signing in on one browser never share unsent changes.
  const persistence = new IndexeddbPersistence(`${documentName}:${userId}`, doc);
  const provider = new WebsocketProvider(collabUrl(), documentName, doc, { connect: false });
  const saves = new SaveTracker(
    doc,
    provider,
    (origin) => origin === provider || origin === persistence,
  );
  provider.connect();

  // The socket can take half a minute to notice a lost network; the browser tells at once.
  const offline = () => {
    saves.setNetwork(false);
    provider.disconnect();
  };
  const online = () => {
    saves.setNetwork(true);
    provider.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  const close = () => {
    clearTimeout(timer);
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
    saves.destroy();
    provider.destroy();
    void persistence.destroy();
    doc.destroy();
  };
  // Ready once there is something to show: the local copy, or the server's. If neither comes
  // (no local copy, server unreachable or refusing), show the document anyway after a while: the
  // sync status then says why it is empty.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = new Promise<void>((resolve) => {
    void persistence.whenSynced.then(() => resolve());
    provider.once('sync', () => resolve());
    provider.once('closed', () => resolve());
    timer = setTimeout(resolve, 5_000);
  });
  return { document: { doc, provider, saves } satisfies PlanDocument, ready, close };
}

/** The plan's document, or null while it loads. Everything is closed on unmount. */
export function usePlanDocument(documentName: string, userId: string): PlanDocument | null {
  const key = `${documentName}:${userId}`;
  const [opened, setOpened] = useState<{ key: string; document: PlanDocument } | null>(null);
  useEffect(() => {
    const { document, ready, close } = openPlanDocument(documentName, userId);
    let closed = false;
    void ready.then(() => {
      if (!closed) setOpened({ key: `${documentName}:${userId}`, document });
    });
    return () => {
      closed = true;
      close();
    };
  }, [documentName, userId]);
  // A document of a previous plan is already closed: never hand it out.
  return opened?.key === key ? opened.document : null;
}
