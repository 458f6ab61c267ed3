import os from 'node:os';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';

/**
 * Reads the workstation identity from the operating system. Called per job so a changed address is
 * recorded as it was at that time; cheap (no network, no DNS).
 */
export function readWorkstationIdentity(): WorkstationIdentity {
  return { hostName: os.hostname(), osUser: currentOsUser(), ipv4: primaryIpv4(os.networkInterfaces()) };
}

function currentOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo() throws when the uid has no passwd entry (containers); the env is the next best source
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/**
 * The first external IPv4 address, preferring physical-looking interfaces over virtual ones (docker,
 * VPN tunnels), so the address an admin sees is the one the lab network knows the machine by.
 */
export function primaryIpv4(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string | null {
  const virtual = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|wg|zt|lo)/i;
  const candidates: { name: string; address: string }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.')) {
        candidates.push({ name, address: info.address });
      }
    }
  }
  const physical = candidates.find((c) => !virtual.test(c.name));
  return (physical ?? candidates[0])?.address ?? null;
}
