import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Required text that is more than white space ("   " is not a place or a title). */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isNotBlank', validator: { validate: (v: unknown) => typeof v === 'string' && v.trim().length > 0 } }, options);
}
