import { useCallback, useState } from 'react'

export interface RegisterNoticesState {
  notice: string | null
  unknownBarcode: string | null
  lookupError: string | null
  setNotice: (notice: string | null) => void
  setUnknownBarcode: (code: string | null) => void
  setLookupError: (error: string | null) => void
  /** Clears all three: the next action speaks for itself. */
  clearMessages: () => void
}

/** The register's one-line messages: a notice, an unknown barcode, a failed lookup. */
export function useRegisterNotices(): RegisterNoticesState {
  const [notice, setNotice] = useState<string | null>(null)
  const [unknownBarcode, setUnknownBarcode] = useState<string | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  const clearMessages = useCallback(() => {
    setNotice(null)
    setUnknownBarcode(null)
    setLookupError(null)
  }, [])
  return {
    notice,
    unknownBarcode,
    lookupError,
    setNotice,
    setUnknownBarcode,
    setLookupError,
    clearMessages,
  }
}
