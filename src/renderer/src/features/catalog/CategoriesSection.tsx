import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorMessage, pos } from '../../pos'
import type { Category } from '../../types'
import { useProtected } from '../approval/useProtected'

interface CategoriesSectionProps {
  categories: readonly Category[]
  onSaved: () => void
}

type Save = (
  category: { id?: string; name: string; color: string | null; sortOrder: number },
  what: string,
) => Promise<boolean>

/** Add a category or rename one; the change syncs to every register. */
export function CategoriesSection({ categories, onSaved }: CategoriesSectionProps) {
  const protectedCall = useProtected()
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')

  const save: Save = async (category, what) => {
    setError(null)
    try {
      const saved = await protectedCall('catalogEdit', (approvalId) =>
        pos.invoke('catalog:saveCategory', { ...category, approvalId }),
      )
      if (saved === null) return false
      setStatus(`${what} “${saved.name}”.`)
      onSaved()
      return true
    } catch (failure) {
      setError(`The category was not saved: ${errorMessage(failure)}`)
      return false
    }
  }

  const nextSortOrder = Math.min(
    10_000,
    categories.reduce((highest, category) => Math.max(highest, category.sortOrder), -1) + 1,
  )

  return (
    <section className="page-card" aria-labelledby="catalog-categories-title">
      <h2 id="catalog-categories-title" className="page-card-title">
        Categories
      </h2>
      {categories.length === 0 && <p className="page-card-empty">No categories yet.</p>}
      <ul className="catalog-categories">
        {categories.map((category) => (
          <CategoryRow key={`${category.id}-${category.name}`} category={category} onSave={save} />
        ))}
      </ul>
      <NewCategoryForm sortOrder={nextSortOrder} onSave={save} />
      {error && <ErrorAlert message={error} onDismiss={() => setError(null)} />}
      <p role="status" className="catalog-status">
        {status}
      </p>
    </section>
  )
}

function CategoryRow({ category, onSave }: { category: Category; onSave: Save }) {
  const [name, setName] = useState(category.name)
  const [isSaving, setIsSaving] = useState(false)
  const isChanged = name.trim() !== '' && name.trim() !== category.name

  async function rename(event: FormEvent) {
    event.preventDefault()
    if (!isChanged || isSaving) return
    setIsSaving(true)
    await onSave(
      { id: category.id, name: name.trim(), color: category.color, sortOrder: category.sortOrder },
      'Renamed to',
    )
    setIsSaving(false)
  }

  return (
    <li>
      <form className="catalog-category" onSubmit={(event) => void rename(event)}>
        <input
          className="field-input"
          type="text"
          autoComplete="off"
          maxLength={80}
          aria-label={`Name of category ${category.name}`}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button
          type="submit"
          className="button button-secondary button-small"
          disabled={!isChanged || isSaving}
          aria-label={`Rename ${category.name}`}
        >
          Rename
        </button>
      </form>
    </li>
  )
}

function NewCategoryForm({ sortOrder, onSave }: { sortOrder: number; onSave: Save }) {
  const [name, setName] = useState('')
  const [isSaving, setIsSaving] = useState(false)

  async function add(event: FormEvent) {
    event.preventDefault()
    if (name.trim() === '' || isSaving) return
    setIsSaving(true)
    // The name stays if saving fails, so nothing typed is lost.
    if (await onSave({ name: name.trim(), color: null, sortOrder }, 'Added')) setName('')
    setIsSaving(false)
  }

  return (
    <form className="catalog-category" onSubmit={(event) => void add(event)}>
      <label className="field catalog-category-new">
        <span className="field-label">New category</span>
        <input
          className="field-input"
          type="text"
          autoComplete="off"
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <button
        type="submit"
        className="button button-secondary"
        disabled={name.trim() === '' || isSaving}
      >
        Add category
      </button>
    </form>
  )
}
