import { createContext, useContext, useState, type ReactNode } from 'react'
import type { TenantView } from '../../../../shared/backoffice/api'
import { SelectField } from '../../components/Field'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'

interface TenantChoice {
  /** The tenant a super admin acts within, or null for every tenant. */
  tenantId: string | null
  choose: (tenantId: string | null) => void
  tenants: readonly TenantView[]
  /** After a tenant was created: the picker lists it. */
  reloadTenants: () => void
}

const TenantChoiceContext = createContext<TenantChoice | null>(null)

/** The super admin's tenant choice; null for anyone else (they never see it). */
export function useTenantChoice(): TenantChoice | null {
  return useContext(TenantChoiceContext)
}

/**
 * For a super admin: the tenant they act within, kept on the API client so every list call asks
 * for that tenant only (`?tenantId=`). `children` gets a key per tenant, so each page loads again.
 */
export function TenantChoiceProvider({ children }: { children: (key: string) => ReactNode }) {
  const { api } = useSignedIn()
  const [tenantId, setTenantId] = useState<string | null>(api.tenantId)
  const [generation, setGeneration] = useState(0)
  const { load } = useLoad(() => api.listTenants(), `tenants-${generation}`)
  const value: TenantChoice = {
    tenantId,
    tenants: load.state === 'ready' ? load.value : [],
    choose: (id) => {
      api.setTenant(id)
      setTenantId(id)
    },
    reloadTenants: () => setGeneration((count) => count + 1),
  }
  return (
    <TenantChoiceContext.Provider value={value}>
      {children(tenantId ?? 'all')}
    </TenantChoiceContext.Provider>
  )
}

/** The header's tenant picker (a super admin only). */
export function TenantPicker() {
  const { t } = useTranslation('common')
  const choice = useTenantChoice()
  if (!choice) return null
  return (
    <div className="bo-tenant-picker">
      <SelectField
        name="tenantId"
        label={t('tenants.picker')}
        value={choice.tenantId ?? ''}
        options={[
          { value: '', label: t('tenants.all') },
          ...choice.tenants.map((tenant) => ({ value: tenant.id, label: tenant.name })),
        ]}
        onChange={(id) => choice.choose(id || null)}
      />
    </div>
  )
}
