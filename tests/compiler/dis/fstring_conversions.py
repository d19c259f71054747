s = f'{a!s}{b!r}{c!a}{d=}{e=!s}{f:{g}}'
