import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from '../../i18n'
import type { Category } from '../../types'

/** `null` is the "All" tab. */
export type CategoryFilter = string | null

interface CategoryTabsProps {
  categories: Category[]
  /** undefined while a search replaces the category view: no tab is selected then. */
  selected: CategoryFilter | undefined
  onSelect: (categoryId: CategoryFilter) => void
  panelId: string
}

/** Tabs with a roving tab stop: Tab enters once, arrows and Home/End move between categories. */
export function CategoryTabs({ categories, selected, onSelect, panelId }: CategoryTabsProps) {
  const { t } = useTranslation('register')
  const listRef = useRef<HTMLDivElement>(null)
  const tabs: { id: CategoryFilter; name: string; color: string | null }[] = [
    { id: null, name: t('catalog.all'), color: null },
    ...categories.map((category) => ({
      id: category.id,
      name: category.name,
      color: category.color,
    })),
  ]

  const selectedIndex = tabs.findIndex((tab) => tab.id === selected)

  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    // Right-to-left, the tabs run from the right: ArrowLeft moves on to the next one.
    const step = getComputedStyle(event.currentTarget).direction === 'rtl' ? -1 : 1
    const keys: Record<string, (index: number, count: number) => number> = {
      ArrowRight: (index, count) => (index + step + count) % count,
      ArrowLeft: (index, count) => (index - step + count) % count,
      Home: () => 0,
      End: (_index, count) => count - 1,
    }
    const next = keys[event.key]
    if (!next) return
    event.preventDefault()
    const focused = event.target instanceof HTMLElement ? event.target.dataset.category : undefined
    const focusedIndex = tabs.findIndex((tab) => (tab.id ?? 'all') === focused)
    const target = tabs[next(Math.max(focusedIndex, 0), tabs.length)]
    if (!target) return
    onSelect(target.id)
    const element = listRef.current?.querySelector<HTMLElement>(
      `[data-category="${target.id ?? 'all'}"]`,
    )
    element?.focus()
  }

  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label={t('catalog.categories')}
      className="category-tabs"
      onKeyDown={moveFocus}
    >
      {tabs.map((tab, index) => {
        const isSelected = tab.id === selected
        const isTabStop = index === Math.max(selectedIndex, 0)
        return (
          <button
            key={tab.id ?? 'all'}
            type="button"
            role="tab"
            data-category={tab.id ?? 'all'}
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isTabStop ? 0 : -1}
            className="category-tab"
            style={tab.color ? { '--accent': tab.color } : undefined}
            onClick={() => onSelect(tab.id)}
          >
            {tab.name}
          </button>
        )
      })}
    </div>
  )
}
