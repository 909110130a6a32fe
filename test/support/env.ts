process.env.GRAPHILE_ENV ??= "development";
