import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { useSession } from '../session/SessionProvider';
import { NotFound } from '../ui/NotFound';
import { AuditPage } from './AuditPage';
import { CriticalityGridEditor } from './CriticalityGridEditor';
import { CrudPage } from './CrudPage';
import { PriorityMatrixEditor } from './PriorityMatrixEditor';
import { canManage, RESOURCES, resourceByKey } from './resources';
import '../tech/screens.css';

/** Lists the administration sections the user may open: each resource they can change, the settings, the audit trail. */
export function adminSections(can: (right: string) => boolean): { key: string; to: string }[] {
  const sections = RESOURCES.filter((resource) => canManage(resource, can)).map((resource) => ({ key: resource.key, to: `/admin/${resource.key}` }));
  if (can('config:update')) sections.push({ key: 'matrix', to: '/admin/priority-matrix' }, { key: 'grid', to: '/admin/criticality-grid' });
  if (can('audit:read')) sections.push({ key: 'audit', to: '/admin/audit' });
  return sections;
}

function AdminHome() {
  const { t } = useTranslation();
  const { can } = useSession();
  const sections = adminSections(can);
  return (
    <div className="stack-large">
      <h1>{t('nav.admin')}</h1>
      <ul className="tiles admin-tiles">
        {sections.map((section) => (
          <li key={section.key}>
            <Link className="tile" to={section.to}>
              <span className="tile-label">{t(`admin.section.${section.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ResourcePage() {
  const { can } = useSession();
  const resource = resourceByKey(useParams().resource ?? '');
  if (resource === undefined || !canManage(resource, can)) return <NotFound />;
  return <CrudPage key={resource.key} resource={resource} />;
}

/** Routes the administration screens under /admin. Sections the user has no right to are hidden and show "page not found". */
export default function Admin() {
  const { can } = useSession();
  return (
    <Routes>
      <Route index element={<AdminHome />} />
      <Route path="priority-matrix" element={can('config:update') ? <PriorityMatrixEditor /> : <NotFound />} />
      <Route path="criticality-grid" element={can('config:update') ? <CriticalityGridEditor /> : <NotFound />} />
      <Route path="audit" element={can('audit:read') ? <AuditPage /> : <NotFound />} />
      <Route path=":resource" element={<ResourcePage />} />
    </Routes>
  );
}
