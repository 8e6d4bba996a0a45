// What a command-line command answers: its exit code and what to print.
export interface CommandOutput {
  code: number;
  stdout?: string;
  stderr?: string;
}
