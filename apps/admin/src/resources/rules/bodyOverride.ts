import type { BodyRules, BodyType, RuleContent } from './api';

/** What a body's own rules change from its type's: every top-level rule that differs, whole. */
export const overrideOf = (typeRules: BodyRules, bodyRules: BodyRules): BodyRules =>
    Object.fromEntries(
        Object.entries(bodyRules).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(typeRules[key])),
    );

/** The body's rules as they apply: its type's, with its own on top (as @motesplats/rules resolves them). */
export const rulesOfBody = (content: RuleContent, bodyId: string, bodyType: BodyType): BodyRules => {
    const own = content.bodies[bodyId] as { bodyType: BodyType; rules: BodyRules } | undefined;
    const typeRules = content.bodyTypes[bodyType];
    if (!own || own.bodyType !== bodyType) return typeRules;
    return { ...typeRules, ...own.rules };
};

/** The content with the body's own rules set, or removed when nothing differs from its type. */
export const withBodyRules = (
    content: RuleContent,
    body: { id: string; name: string; bodyType: BodyType },
    rules: BodyRules,
): RuleContent => {
    const override = overrideOf(content.bodyTypes[body.bodyType], rules);
    const bodies = { ...content.bodies };
    if (Object.keys(override).length === 0) delete bodies[body.id];
    else bodies[body.id] = { bodyType: body.bodyType, name: body.name, rules: override };
    return { ...content, bodies };
};
