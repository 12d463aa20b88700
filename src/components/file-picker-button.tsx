import type { ButtonProps } from '@mui/material/Button';
import Button from '@mui/material/Button';
import type { ChangeEvent, ReactNode } from 'react';
import { useRef } from 'react';

export interface FilePickerButtonProps {
  /** The button's name, e.g. "Open plan file". */
  label: string;
  /** The file input's accept attribute, e.g. ".json,application/json". */
  accept: string;
  /** Files above this size are refused before they are read. */
  maxBytes: number;
  onText: (text: string, fileName: string) => void;
  onError: (message: string) => void;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  startIcon?: ReactNode;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A button that opens the browser's file picker and hands over the chosen file's text. */
export function FilePickerButton({
  label,
  accept,
  maxBytes,
  onText,
  onError,
  variant = 'outlined',
  size,
  startIcon,
}: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Let the same file be chosen again later.
    event.target.value = '';
    if (!file) return;
    if (file.size > maxBytes) {
      onError(
        `The file “${file.name}” is too large (${megabytes(file.size)}); the limit is ${megabytes(maxBytes)}.`,
      );
      return;
    }
    file.text().then(
      (text) => onText(text, file.name),
      (e: unknown) =>
        onError(
          `The file “${file.name}” could not be read (${e instanceof Error ? e.message : String(e)}).`,
        ),
    );
  };

  return (
    <>
      <Button
        variant={variant}
        size={size}
        startIcon={startIcon}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        tabIndex={-1}
        onChange={onChange}
      />
    </>
  );
}
