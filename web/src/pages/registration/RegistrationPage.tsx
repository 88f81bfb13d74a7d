import { useAuth } from '../../auth.js';
import { Guard } from '../../components/Guard.js';
import { ApplyRegistration } from './ApplyRegistration.js';
import { ReviewRegistrations } from './ReviewRegistrations.js';

/** 备案: enterprises apply to a center and follow their applications; officers and administrators decide. */
export default function RegistrationPage() {
  return (
    <Guard roles={['enterprise', 'officer', 'admin']}>
      <ByRole />
    </Guard>
  );
}

function ByRole() {
  const auth = useAuth();
  return auth.is('enterprise') ? <ApplyRegistration /> : <ReviewRegistrations />;
}
