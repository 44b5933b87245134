/** Every TypeORM entity of the application. Add new entities here (and a migration). */
export const ENTITIES: Function[] = [];
