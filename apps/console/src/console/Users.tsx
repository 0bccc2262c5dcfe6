import { Alert, Badge, Select, Table, TextInput } from '@mantine/core';
import {
  type AccountStatus,
  AdminUsersDocument,
  type Role,
  SetUserRoleDocument,
  SetUserStatusDocument,
} from '@lattice/client';
import { useState } from 'react';
import type { Session } from './session';
import { useQuery } from './use-query';

const ROLES: Role[] = ['USER', 'MODERATOR', 'ADMIN'];
const STATUSES: AccountStatus[] = ['ACTIVE', 'SUSPENDED', 'BANNED'];

/** `users` by email search, with `setUserRole` and `setUserStatus` on each row. */
export function Users({ session }: { session: Session }) {
  const [search, setSearch] = useState('');
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<string>();
  const loaded = useQuery(
    () => session.api().request(AdminUsersDocument, { search: search || undefined, first: 50 }),
    `${search}#${version}`,
  );
  const change = async (run: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await run();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    setVersion((v) => v + 1);
  };
  return (
    <>
      <TextInput
        label="Search by email"
        placeholder="ada@"
        mb="md"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {(problem ?? loaded.error) && (
        <Alert color="red" mb="md" title="Could not do that">
          {problem ?? loaded.error}
        </Alert>
      )}
      <Table striped data-testid="users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Verified</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Signed up</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loaded.data?.users.edges.map(({ node }) => (
            <Table.Tr key={node.id}>
              <Table.Td>{node.email}</Table.Td>
              <Table.Td>
                <Badge color={node.emailVerified ? 'green' : 'gray'}>
                  {node.emailVerified ? 'yes' : 'no'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Role of ${node.email}`}
                  data={ROLES}
                  value={node.role}
                  allowDeselect={false}
                  onChange={(role) =>
                    role &&
                    void change(() =>
                      session.api().request(SetUserRoleDocument, { userId: node.id, role: role as Role }),
                    )
                  }
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Status of ${node.email}`}
                  data={STATUSES}
                  value={node.status}
                  allowDeselect={false}
                  onChange={(status) =>
                    status &&
                    void change(() =>
                      session
                        .api()
                        .request(SetUserStatusDocument, { userId: node.id, status: status as AccountStatus }),
                    )
                  }
                />
              </Table.Td>
              <Table.Td>{new Date(node.createdAt).toLocaleDateString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
