import { DockerfileParser, type Instruction } from 'dockerfile-ast';

export interface ImageFacts {
  stages: string[];
  /** The user the final stage runs as (its last USER), or undefined: root. */
  user: string | undefined;
  /** The final stage's instructions, keyword and arguments joined. */
  final: { keyword: string; args: string }[];
  cmd: string[] | undefined;
  healthcheck: string | undefined;
}

const words = (i: Instruction) =>
  i
    .getArguments()
    .map((a) => a.getValue())
    .join(' ');

/** Reads a Dockerfile with a real parser (continuations, flags, JSON forms), final stage only where it matters. */
export function imageFacts(dockerfile: string): ImageFacts {
  const parsed = DockerfileParser.parse(dockerfile);
  const instructions = parsed.getInstructions();
  const lastFrom = instructions.map((i) => i.getKeyword()).lastIndexOf('FROM');
  const final = instructions.slice(lastFrom);
  const users = final.filter((i) => i.getKeyword() === 'USER');
  const cmd = final.filter((i) => i.getKeyword() === 'CMD').at(-1);
  const health = final.filter((i) => i.getKeyword() === 'HEALTHCHECK').at(-1);
  return {
    stages: parsed.getFROMs().map((f) => f.getBuildStage() ?? ''),
    user: users.length ? words(users.at(-1)!) : undefined,
    final: final.map((i) => ({ keyword: i.getKeyword(), args: words(i) })),
    cmd: cmd ? (JSON.parse(words(cmd).replace(/",\s*"/g, '","')) as string[]) : undefined,
    healthcheck: health ? words(health) : undefined,
  };
}

/** Root is no user, "root", uid 0 or group-qualified root. */
export function runsAsRoot(facts: ImageFacts): boolean {
  if (!facts.user) return true;
  const user = facts.user.split(':')[0]!.trim();
  return user === 'root' || user === '0' || user === '';
}
