/** The kinds of resource a grant can be on, as filter options (after the caller's own "any" option). */
export function ResourceTypeOptions() {
  return (
    <>
      <option value="workspace">Workspaces</option>
      <option value="dataset">Datasets</option>
      <option value="folder">Folders</option>
      <option value="file">Files</option>
    </>
  );
}
