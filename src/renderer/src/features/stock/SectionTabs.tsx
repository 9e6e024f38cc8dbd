import { useRef, type KeyboardEvent } from 'react'

interface SectionTabsProps<T extends string> {
  tabs: readonly { id: T; label: string }[]
  selected: T
  onSelect: (id: T) => void
  label: string
  /** The id prefix of the panels: tab `id` controls `${panelPrefix}-${id}`. */
  panelPrefix: string
}

/** Tabs with a roving tab stop: Tab enters once, the arrows (mirrored right-to-left), Home and End move. */
export function SectionTabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  panelPrefix,
}: SectionTabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null)

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const step = getComputedStyle(event.currentTarget).direction === 'rtl' ? -1 : 1
    const index = tabs.findIndex((tab) => tab.id === selected)
    const count = tabs.length
    const targets: Record<string, number> = {
      ArrowRight: (index + step + count) % count,
      ArrowLeft: (index - step + count) % count,
      Home: 0,
      End: count - 1,
    }
    const next = targets[event.key]
    const target = next === undefined ? undefined : tabs[next]
    if (!target) return
    event.preventDefault()
    onSelect(target.id)
    listRef.current?.querySelector<HTMLElement>(`[data-tab="${target.id}"]`)?.focus()
  }

  return (
    <div ref={listRef} role="tablist" aria-label={label} className="section-tabs" onKeyDown={move}>
      {tabs.map((tab) => {
        const isSelected = tab.id === selected
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${panelPrefix}-tab-${tab.id}`}
            data-tab={tab.id}
            aria-selected={isSelected}
            aria-controls={`${panelPrefix}-${tab.id}`}
            tabIndex={isSelected ? 0 : -1}
            className="section-tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        )
      })}
    </div>
  )
}
