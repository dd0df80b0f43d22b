/** The instance-key check: a constant sealed with the key the database was first started with. */
export interface InstanceKeyCheckTable {
  /** Always 1. */
  id: number;
  sealed_constant: string;
  created_at: number;
}

export interface InstanceTables {
  instance_key_check: InstanceKeyCheckTable;
}
