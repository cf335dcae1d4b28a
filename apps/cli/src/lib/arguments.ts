/** Parsers of option values, shared by every command's options (commander `argParser`). */
import { InvalidArgumentError } from 'commander'

export function positiveInteger(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('must be a whole number of at least 1')
  return number
}

export function wholeNumber(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0)
    throw new InvalidArgumentError('must be a whole number (0 or more)')
  return number
}

export function seconds(value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0)
    throw new InvalidArgumentError('must be a number of seconds (more than 0)')
  return Math.round(number * 1000)
}

export function megabytes(value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0)
    throw new InvalidArgumentError('must be a number of megabytes')
  return Math.round(number * 1024 * 1024)
}
