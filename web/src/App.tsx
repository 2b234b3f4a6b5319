import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { canAdminister } from './admin/access';
import { PortalHome } from './portal/PortalHome';
import { PortalTicket } from './portal/PortalTicket';
import { ReportForm } from './portal/ReportForm';
import { useSession } from './session/SessionProvider';
import { Layout } from './ui/Layout';
import { NotFound } from './ui/NotFound';

// Technicians' screens load on demand, so the hospital staff's portal stays small.
const TechHome = lazy(() => import('./tech/Home'));
const TicketList = lazy(() => import('./tech/TicketList'));
const NewTicket = lazy(() => import('./tech/NewTicket'));
const TicketView = lazy(() => import('./tech/TicketView'));
const Planning = lazy(() => import('./planning/Planning'));
const Statistics = lazy(() => import('./stats/Statistics'));
const Admin = lazy(() => import('./admin/Admin'));

export function App() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  return (
    <Layout>
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        {me.interface === 'central' ? (
          <Routes>
            <Route path="/" element={<TechHome />} />
            <Route path="/tickets" element={<TicketList />} />
            <Route path="/tickets/new" element={<NewTicket />} />
            <Route path="/tickets/:id" element={<TicketView />} />
            <Route path="/planning" element={<Planning />} />
            <Route path="/statistics" element={can('stats:read') ? <Statistics /> : <NotFound />} />
            <Route path="/admin/*" element={canAdminister(can) ? <Admin /> : <NotFound />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        ) : (
          <Routes>
            <Route path="/" element={<PortalHome />} />
            <Route path="/new/:type" element={<ReportForm />} />
            <Route path="/tickets/:id" element={<PortalTicket />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        )}
      </Suspense>
    </Layout>
  );
}
