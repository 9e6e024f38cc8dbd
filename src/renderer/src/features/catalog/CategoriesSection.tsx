import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Category } from '../../types'
import { useProtected } from '../approval/useProtected'

interface CategoriesSectionProps {
  categories: readonly Category[]
  onSaved: () => void
}

type Save = (
  category: { id?: string; name: string; color: string | null; sortOrder: number },
  what: 'added' | 'renamed',
) => Promise<boolean>

/** Add a category or rename one; the change syncs to every register. */
export function CategoriesSection({ categories, onSaved }: CategoriesSectionProps) {
  const { t } = useTranslation('catalog')
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
      setStatus(t(`categories.${what}`, { name: saved.name }))
      onSaved()
      return true
    } catch (failure) {
      setError(t('categories.saveFailed', { error: errorMessage(failure) }))
      return false
    }
  }

  const nextSortOrder = Math.min(
    10_000,
    categories.reduce((highest, category) => Math.max(highest, category.sortOrder), -1) + 1,
  )

  return (
    <section className="page-card" aria-labelledby="catalog-categories-title">
      <h3 id="catalog-categories-title" className="page-card-title">
        {t('categories.title')}
      </h3>
      {categories.length === 0 && <p className="page-card-empty">{t('categories.none')}</p>}
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
  const { t } = useTranslation('catalog')
  const [name, setName] = useState(category.name)
  const [isSaving, setIsSaving] = useState(false)
  const isChanged = name.trim() !== '' && name.trim() !== category.name

  async function rename(event: FormEvent) {
    event.preventDefault()
    if (!isChanged || isSaving) return
    setIsSaving(true)
    await onSave(
      { id: category.id, name: name.trim(), color: category.color, sortOrder: category.sortOrder },
      'renamed',
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
          aria-label={t('categories.nameOf', { name: category.name })}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button
          type="submit"
          className="button button-secondary button-small"
          disabled={!isChanged || isSaving}
          aria-label={t('categories.renameNamed', { name: category.name })}
        >
          {t('categories.rename')}
        </button>
      </form>
    </li>
  )
}

function NewCategoryForm({ sortOrder, onSave }: { sortOrder: number; onSave: Save }) {
  const { t } = useTranslation('catalog')
  const [name, setName] = useState('')
  const [isSaving, setIsSaving] = useState(false)

  async function add(event: FormEvent) {
    event.preventDefault()
    if (name.trim() === '' || isSaving) return
    setIsSaving(true)
    // The name stays if saving fails, so nothing typed is lost.
    if (await onSave({ name: name.trim(), color: null, sortOrder }, 'added')) setName('')
    setIsSaving(false)
  }

  return (
    <form className="catalog-category" onSubmit={(event) => void add(event)}>
      <label className="field catalog-category-new">
        <span className="field-label">{t('categories.new')}</span>
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
        {t('categories.add')}
      </button>
    </form>
  )
}
