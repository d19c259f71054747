# N-body simulation: five bodies under gravity, leapfrog-style integration with plain floats.
# Exercises float arithmetic, tuple unpacking, list indexing and attribute-free inner loops.
# Prints the energy before and after, rounded so any correct float evaluation order agrees.

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    # [x, y, z, vx, vy, vz, mass]
    bodies = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
        [4.84, -1.16, -0.10, 0.00166 * DAYS_PER_YEAR, 0.00770 * DAYS_PER_YEAR,
         -0.0000690 * DAYS_PER_YEAR, 0.000954 * SOLAR_MASS],
        [8.34, 4.12, -0.40, -0.00277 * DAYS_PER_YEAR, 0.00500 * DAYS_PER_YEAR,
         0.0000230 * DAYS_PER_YEAR, 0.000286 * SOLAR_MASS],
        [12.89, -15.11, -0.22, 0.00297 * DAYS_PER_YEAR, 0.00238 * DAYS_PER_YEAR,
         -0.0000296 * DAYS_PER_YEAR, 0.0000437 * SOLAR_MASS],
        [15.38, -25.92, 0.18, 0.00268 * DAYS_PER_YEAR, 0.00163 * DAYS_PER_YEAR,
         -0.0000952 * DAYS_PER_YEAR, 0.0000515 * SOLAR_MASS],
    ]
    # Give the sun the momentum that makes the total zero.
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        x1, y1, z1, vx, vy, vz, m1 = bodies[i]
        e += 0.5 * m1 * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, n):
            x2, y2, z2, _, _, _, m2 = bodies[j]
            dx, dy, dz = x1 - x2, y1 - y2, z1 - z2
            e -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            m1 = b1[6] * mag
            m2 = b2[6] * mag
            b1[3] -= dx * m2
            b1[4] -= dy * m2
            b1[5] -= dz * m2
            b2[3] += dx * m1
            b2[4] += dy * m1
            b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def main(steps=100000):
    bodies = make_system()
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    print("energy before: %.9f" % energy(bodies))
    advance(bodies, pairs, 0.01, steps)
    print("energy after:  %.9f" % energy(bodies))
    print("checksum: %.6f" % sum(abs(c) for b in bodies for c in b[:3]))


main()
