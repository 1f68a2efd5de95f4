'use client';
import type { ReactNode } from 'react';
import { TOOLTIP_PROPS } from './chartStyle';

/** Body of a custom recharts tooltip, styled like the default ones. */
export function TooltipBox({ children }: { children: ReactNode }) {
  return <div style={{ ...TOOLTIP_PROPS.contentStyle, padding: '4px 8px' }}>{children}</div>;
}
