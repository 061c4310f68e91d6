#include <stdio.h>
#include <string.h>

/* Shortest path in a maze: breadth-first search from S to T. '#' is a wall. */

#define N 200

int H, W;
char maze[N][N + 2];
int steps[N][N];
int qx[N * N];
int qy[N * N];
const int moveX[4] = {1, -1, 0, 0};
const int moveY[4] = {0, 0, 1, -1};

int valid(int x, int y) { return x >= 0 && x < H && y >= 0 && y < W; }

int main(void)
{
    if (scanf("%d %d", &H, &W) != 2) return 1;
    int startX = -1, startY = -1, endX = -1, endY = -1;
    int x = 0;
    while (x < H) {
        scanf("%s", maze[x]);
        int y = 0;
        while (y < W) {
            if (maze[x][y] == 'S') { startX = x; startY = y; }
            else if (maze[x][y] == 'T') { endX = x; endY = y; }
            y++;
        }
        x++;
    }
    if (startX < 0 || endX < 0) { printf("no start or target\n"); return 0; }
    int best = search(startX, startY, endX, endY);
    if (best < 0) printf("unreachable\n");
    else printf("%d\n", best);
    return 0;
}

int search(int fromX, int fromY, int toX, int toY)
{
    int front = 0, back = 0;
    int visitedCount = 0; // for debugging
    for (int x = 0; x < H; x++) for (int y = 0; y < W; y++) steps[x][y] = -1;
    steps[fromX][fromY] = 0;
    qx[back] = fromX; qy[back] = fromY; back++;
    while (front < back) {
        int x = qx[front], y = qy[front];
        front++;
        visitedCount++;
        if (x == toX && y == toY) return steps[x][y];
        for (int m = 0; m < 4; m++) {
            int ax = x + moveX[m], ay = y + moveY[m];
            // skip walls and visited cells
            if (valid(ax, ay) && maze[ax][ay] != '#' && steps[ax][ay] == -1) {
                steps[ax][ay] = steps[x][y] + 1;
                qx[back] = ax; qy[back] = ay; back++;
            }
        }
    }
    return -1;
}
