/** React bindings for Yjs: re-render when a shared type changes, whoever changed it. */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { SaveTracker, SyncSnapshot } from './saveTracker';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

function observeStore(type: AnyType, deep: boolean) {
  let version = 0;
  return {
    subscribe(onChange: () => void) {
      const handler = () => {
        version++;
        onChange();
      };
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      return () => (deep ? type.unobserveDeep(handler) : type.unobserve(handler));
    },
    version: () => version,
  };
}

/**
 * Re-renders the component when `type` changes (with `deep`, also when anything inside it does);
 * components then read the type directly. Returns a number that changes with every change.
 */
export function useYObserve(type: AnyType, deep = false): number {
  const store = useMemo(() => observeStore(type, deep), [type, deep]);
  return useSyncExternalStore(store.subscribe, store.version);
}

/** The items of a Y.Array, kept current (only the list itself: edits inside items do not count). */
export function useYArray<T>(array: Y.Array<T>): T[] {
  useYObserve(array);
  return array.toArray();
}

export function useSyncStatus(saves: SaveTracker): SyncSnapshot {
  return useSyncExternalStore(saves.subscribe, saves.getSnapshot);
}

/**
 * Calls `onSettled` once changes to the document (anyone's) pause for `delayMs`: for what the
 * server derives from the text, like the submission check.
 */
export function useDocumentSettled(doc: Y.Doc | null, onSettled: () => void, delayMs = 2000): void {
  const callback = useRef(onSettled);
  useEffect(() => {
    callback.current = onSettled;
  });
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), delayMs);
    };
    doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, delayMs]);
}
