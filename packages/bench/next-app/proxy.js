// /bare is the baseline: a pass-through proxy in the same app, on the same kind of route.
import { NextResponse } from 'next/server';
import { auth } from './auth.js';

export function proxy(request) {
  if (request.nextUrl.pathname === '/bare') return NextResponse.next();
  return auth.proxy(request);
}

export const config = { matcher: ['/guarded', '/permitted', '/bare'] };
