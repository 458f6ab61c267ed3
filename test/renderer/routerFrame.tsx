import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { z } from 'zod';

/**
 * A small router around the component under test: its content at every path, plus a `/gallery`
 * route that shows which item was asked for, so a test can see where "Open" went.
 */
export function routerFrame(content: () => ReactNode, initialPath = '/image') {
  const root = createRootRoute({
    component: () => (
      <>
        {content()}
        <Outlet />
      </>
    ),
  });
  const page = createRoute({ getParentRoute: () => root, path: '/image', component: () => <p>Image page</p> });
  const gallery = createRoute({
    getParentRoute: () => root,
    path: '/gallery',
    validateSearch: z.object({ item: z.string().optional() }),
    component: function Gallery() {
      const { item } = gallery.useSearch();
      return <p>Gallery{item ? ` showing ${item}` : ''}</p>;
    },
  });
  const router = createRouter({ routeTree: root.addChildren([page, gallery]), history: createMemoryHistory({ initialEntries: [initialPath] }) });
  return { router, element: <RouterProvider router={router} /> };
}
