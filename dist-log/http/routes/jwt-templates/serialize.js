/** The JWTTemplate object. The signing key is not part of the record, so it cannot leak here. */
export function toJwtTemplateJSON(record) {
    return {
        object: 'jwt_template',
        id: record.id,
        name: record.name,
        claims: record.claims,
        lifetime: record.lifetime,
        allowed_clock_skew: record.allowedClockSkew,
        custom_signing_key: record.customSigningKey,
        signing_algorithm: record.signingAlgorithm,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
    };
}
//# sourceMappingURL=serialize.js.map