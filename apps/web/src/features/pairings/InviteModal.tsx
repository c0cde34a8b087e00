import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { PairingDetailDto, PairingRole } from '@iuc/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../session/session';
import { SubmitError } from '../../ui/Status';
import { useInvite } from './usePairings';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  pairing: PairingDetailDto;
  opened: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
}

export function InviteModal({ pairing, opened, onClose, onInvited }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('invite.modalTitle')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size="lg"
    >
      {/* Mounted only while open, so each opening starts with an empty form. */}
      {opened && <InviteForm pairing={pairing} onCancel={onClose} onInvited={onInvited} />}
    </Modal>
  );
}

function InviteForm({
  pairing,
  onCancel,
  onInvited,
}: Omit<Props, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const invite = useInvite(pairing.id);
  const roles = pairing.permissions.grantableRoles;
  // A city's coordinator invites to their own city only; programme staff choose any side.
  const ownAuthority = user.memberships.find((m) => m.pairingId === pairing.id)?.authorityId ?? '';
  const ownSideOnly = user.programmeRole === null;
  const sides = ownSideOnly
    ? pairing.sides
        .map((side) => ({
          ...side,
          authorities: side.authorities.filter((a) => a.id === ownAuthority),
        }))
        .filter((side) => side.authorities.length > 0)
    : pairing.sides;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<PairingRole>(roles[0] ?? 'viewer');
  // A coordinator of the whole pairing (no side) invites to no side, like the server assumes.
  const [authorityId, setAuthorityId] = useState(
    ownSideOnly ? ownAuthority : pairing.sides[0]?.authorities[0]?.id || '',
  );
  const [checked, setChecked] = useState(false);
  const emailError = EMAIL.test(email.trim()) ? undefined : t('invite.emailInvalid');
  const nameError = name.trim() ? undefined : t('invite.nameRequired');

  function submit(e: FormEvent) {
    e.preventDefault();
    setChecked(true);
    if (emailError || nameError) return;
    invite.mutate(
      { email: email.trim(), name: name.trim(), role, authorityId: authorityId || null },
      { onSuccess: (inv) => onInvited(inv.email) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SubmitError mutation={invite} />
        <TextInput
          label={t('invite.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={checked ? emailError : undefined}
          required
          data-autofocus
        />
        <TextInput
          label={t('invite.name')}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={checked ? nameError : undefined}
          required
        />
        <NativeSelect
          label={t('invite.role')}
          description={t('invite.roleHint')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as PairingRole)}
          data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <NativeSelect
          label={t('invite.authority')}
          description={ownSideOnly ? t('invite.authorityOwnOnly') : undefined}
          value={authorityId}
          onChange={(e) => setAuthorityId(e.currentTarget.value)}
        >
          {sides.map((side) => (
            <optgroup key={side.side} label={t(`side.${side.side}`)}>
              {side.authorities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          ))}
          {!(ownSideOnly && ownAuthority) && <option value="">{t('invite.noAuthority')}</option>}
        </NativeSelect>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t('invite.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
