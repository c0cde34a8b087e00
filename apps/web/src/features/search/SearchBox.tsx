/**
 * The header's search box (every signed-in page): suggestions as one types, in a listbox driven
 * from the field (the ARIA combobox pattern); Enter opens the highlighted result, or the results
 * page when none is highlighted. On phones it folds behind a button (SearchToggle).
 */
import { ActionIcon, Loader, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { SearchResultDto } from '@iuc/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SUGGESTION_COUNT, isSearchable, useSuggestions } from './api';
import { CLOSED, listKey, type ListState } from './combobox';
import { KindIcon } from './kinds';
import { searchPath } from './params';
import { Snippet } from './snippet';
import { HEADER_SEARCH_ID, HEADER_SEARCH_INPUT_ID, type HeaderSearch } from './useHeaderSearch';
import classes from './Search.module.css';

/** How long typing must pause before suggestions are asked for. */
const DEBOUNCE_MS = 200;

export function SearchBox({ search }: { search: HeaderSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const [value, setValue] = useState('');
  // `q`: the text the highlight was made on; another text's suggestions start with none.
  const [list, setList] = useState<ListState & { q: string }>({ ...CLOSED, q: '' });
  const [q] = useDebouncedValue(value.trim(), DEBOUNCE_MS);
  const suggestions = useSuggestions(q);
  const items: SearchResultDto[] = (suggestions.data?.items ?? []).slice(0, SUGGESTION_COUNT);
  const searchable = isSearchable(value);
  const expanded = list.open && searchable;
  const active = expanded && list.q === q ? list.active : null;
  const close = () => setList({ ...CLOSED, q });

  const finish = (path: string) => {
    setValue('');
    close();
    search.setOpen(false);
    document.getElementById(HEADER_SEARCH_INPUT_ID)?.blur();
    void navigate(path);
  };
  const seeAll = () => finish(searchPath({ q: value.trim() }));
  const choose = (index: number) => {
    const item = items[index];
    if (item) finish(item.url);
    else seeAll();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    // The options: the suggestions, then "See all results".
    const result = listKey({ open: list.open, active }, e.key, searchable ? items.length + 1 : 0);
    if (!result.handled) return;
    e.preventDefault();
    setList({ ...result.state, q });
    const effect = result.effect;
    if (effect?.type === 'choose') choose(effect.index);
    else if (effect?.type === 'submit' && value.trim()) seeAll();
    else if (effect?.type === 'clear') {
      if (value) setValue('');
      else search.setOpen(false);
    }
  };

  const status = !expanded
    ? ''
    : suggestions.isFetching && !suggestions.data
      ? t('search.box.searching')
      : suggestions.isError
        ? t('search.box.failed')
        : t('search.box.count', { count: items.length });

  return (
    <div id={HEADER_SEARCH_ID} className={classes.headerSlot} data-open={search.open || undefined}>
      <form
        role="search"
        aria-label={t('search.box.region')}
        className={classes.boxForm}
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) seeAll();
        }}
      >
        <TextInput
          id={HEADER_SEARCH_INPUT_ID}
          type="text"
          role="combobox"
          aria-label={t('search.box.label')}
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active !== null ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.box.placeholder')}
          value={value}
          leftSection={<SearchIcon />}
          rightSection={
            suggestions.isFetching && expanded ? <Loader size={14} aria-hidden="true" /> : null
          }
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setList({ open: true, active: null, q });
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setList((l) => ({ ...l, open: true }))}
          onBlur={close}
          classNames={{ root: classes.boxField }}
        />
        <VisuallyHidden id={`${id}-hint`}>{t('search.box.hint')}</VisuallyHidden>
        <div className={classes.popup} hidden={!expanded}>
          <ul id={listId} role="listbox" aria-label={t('search.box.suggestions')}>
            {items.map((item, i) => (
              <li
                key={`${item.kind}:${item.id}`}
                id={optionId(i)}
                role="option"
                aria-selected={active === i}
                className={classes.option}
                // Keeps focus in the field (a click must not blur it before it lands).
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(i)}
              >
                <span className={classes.optionKind}>
                  <KindIcon kind={item.kind} size={14} />
                  {t(`search.kind.${item.kind}`)}
                </span>
                <span className={classes.optionTitle}>{item.title}</span>
                {item.snippet && (
                  <Snippet
                    snippet={item.snippet}
                    className={classes.optionSnippet}
                    lang={item.language ?? undefined}
                  />
                )}
              </li>
            ))}
            <li
              id={optionId(items.length)}
              role="option"
              aria-selected={active === items.length}
              className={`${classes.option} ${classes.seeAll}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={seeAll}
            >
              {t('search.box.seeAll', { q: value.trim() })}
            </li>
          </ul>
          {status && (
            <Text size="xs" c="dimmed" px="sm" py={4} aria-hidden="true">
              {status}
            </Text>
          )}
        </div>
        {/* Announces how many suggestions came, politely, as they change. */}
        <VisuallyHidden role="status" aria-live="polite">
          {status}
        </VisuallyHidden>
      </form>
    </div>
  );
}

/** On phones: the button that shows the box (folded away to keep the header short). */
export function SearchToggle({ search }: { search: HeaderSearch }) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="default"
      size="lg"
      className={classes.toggle}
      aria-label={t('search.box.open')}
      aria-expanded={search.open}
      aria-controls={HEADER_SEARCH_ID}
      onClick={() => (search.open ? search.setOpen(false) : search.focus())}
    >
      <SearchIcon />
    </ActionIcon>
  );
}

function SearchIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}
