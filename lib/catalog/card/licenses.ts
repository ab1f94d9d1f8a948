/** A license from the SPDX list (https://spdx.org/licenses/): its identifier, full name and canonical page. */
export type SpdxLicense = { id: string; name: string; url: string };

const spdx = (id: string, name: string): SpdxLicense => ({ id, name, url: `https://spdx.org/licenses/${id}.html` });

/** The licenses data is most often published under, in the order the picker offers them. */
export const LICENSES: readonly SpdxLicense[] = [
  spdx("CC-BY-4.0", "Creative Commons Attribution 4.0 International"),
  spdx("CC-BY-SA-4.0", "Creative Commons Attribution Share Alike 4.0 International"),
  spdx("CC-BY-NC-4.0", "Creative Commons Attribution Non Commercial 4.0 International"),
  spdx("CC-BY-NC-SA-4.0", "Creative Commons Attribution Non Commercial Share Alike 4.0 International"),
  spdx("CC-BY-ND-4.0", "Creative Commons Attribution No Derivatives 4.0 International"),
  spdx("CC0-1.0", "Creative Commons Zero v1.0 Universal"),
  spdx("ODbL-1.0", "Open Data Commons Open Database License v1.0"),
  spdx("ODC-By-1.0", "Open Data Commons Attribution License v1.0"),
  spdx("PDDL-1.0", "Open Data Commons Public Domain Dedication & License 1.0"),
  spdx("CDLA-Permissive-2.0", "Community Data License Agreement Permissive 2.0"),
  spdx("CDLA-Sharing-1.0", "Community Data License Agreement Sharing 1.0"),
  spdx("OGL-UK-3.0", "Open Government Licence v3.0"),
  spdx("etalab-2.0", "Etalab Open License 2.0"),
  spdx("DL-DE-BY-2.0", "Data licence Germany – attribution – version 2.0"),
  spdx("MIT", "MIT License"),
  spdx("Apache-2.0", "Apache License 2.0"),
  spdx("BSD-3-Clause", 'BSD 3-Clause "New" or "Revised" License'),
  spdx("GPL-3.0-or-later", "GNU General Public License v3.0 or later"),
];

const BY_ID = new Map(LICENSES.map((l) => [l.id.toLowerCase(), l]));

/** The SPDX license with this identifier (matched without regard to case, as SPDX ids are). */
export function licenseById(id: string): SpdxLicense | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}
