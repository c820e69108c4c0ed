import { Input, Textarea } from '@tarojs/components'
import Field, { type FieldProps } from './Field'
import './TextField.css'

interface BoxProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength?: number
  /** 'number': the phone shows its number pad. */
  type?: 'text' | 'number' | 'digit'
  /** Several lines, e.g. a description. */
  multiline?: boolean
  /** A narrow box, for a number of a few digits. */
  short?: boolean
  /** Outlined red. */
  invalid?: boolean
  /** On the box (in H5, type into `[data-testid=X] input` or `textarea`). */
  testId?: string
  /** Its name for a screen reader (TextField: its label); needed when no label is shown beside it. */
  label?: string
}

/** The box one types into, large and plain; for a box with its label, hint and error use TextField. */
export function TextBox({ value, onChange, placeholder, maxLength, type = 'text', multiline, short, invalid, testId, label }: BoxProps) {
  const className = `field__input${multiline ? ' field__input--multiline' : ''}${short ? ' field__input--short' : ''}${invalid ? ' field__input--error' : ''}`
  // nativeProps: on H5's real <input> / <textarea>, which no <label> names (the label is a Text beside it)
  const common = { className, value, maxlength: maxLength, placeholder, placeholderClass: 'field__placeholder', 'data-testid': testId, nativeProps: label ? { 'aria-label': label } : undefined }
  return multiline ? (
    <Textarea {...common} onInput={(e) => onChange(e.detail.value)} />
  ) : (
    <Input {...common} type={type} onInput={(e) => onChange(e.detail.value)} />
  )
}

/** A text field of a form: label (必填 when `required`), the box, a hint and what is wrong. */
export default function TextField({ label, required, hint, error, ...box }: FieldProps & Omit<BoxProps, 'invalid'>) {
  return (
    <Field label={label} required={required} hint={hint} error={error}>
      <TextBox {...box} label={label} invalid={!!error} />
    </Field>
  )
}
