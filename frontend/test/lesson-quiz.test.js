import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageParams, withoutPageKeys, withPageKeys, progressText, stopIndex, stopAt } from '../src/lesson.js';
import { quizUrl, newScore, scored, scoreText, feedback } from '../src/quiz.js';
import { withStep } from '../src/link.js';

test('the address opens a lesson at a stop, and quiz=1 turns on predict mode', () => {
  assert.deepEqual(pageParams('?lesson=4-tags-run-out&stop=3&quiz=1'), { lesson: '4-tags-run-out', stop: 3, quiz: true, present: false });
  assert.deepEqual(pageParams('?v=2&step=5'), { lesson: null, stop: 1, quiz: false, present: false });
  assert.equal(pageParams('?lesson=../etc&stop=0').lesson, null, 'an id is letters, digits and dashes only');
  assert.equal(pageParams('?lesson=x&stop=-2').stop, 1);
});

test('the page keys come off before a link goes to the server, and go back on before the step', () => {
  const link = '/?v=2&cpus=2&lesson=x&stop=2&quiz=1&step=9';
  assert.equal(withoutPageKeys(link), '/?v=2&cpus=2&step=9');
  assert.equal(withoutPageKeys('/?lesson=x&stop=2'), '/');
  assert.equal(withoutPageKeys('/?v=2&stopped=1'), '/?v=2&stopped=1', 'only whole keys are taken off');
  const back = withStep(withPageKeys('/?v=2&cpus=2', { lesson: 'x', stop: 2, quiz: true }), 9);
  assert.equal(back, '/?v=2&cpus=2&lesson=x&stop=2&quiz=1&step=9');
  assert.equal(withPageKeys('/?v=2', {}), '/?v=2');
  assert.equal(withPageKeys('/', { quiz: true }), '/?quiz=1');
});

test('present=1 opens the page presenting, rides along before the step and comes off before the server', () => {
  assert.equal(pageParams('?preset=sata-70&step=40&present=1').present, true);
  assert.equal(pageParams('?preset=sata-70&present=0').present, false);
  assert.equal(withoutPageKeys('/?v=2&cpus=2&present=1&step=9'), '/?v=2&cpus=2&step=9');
  assert.equal(withoutPageKeys('/?v=2&presently=1'), '/?v=2&presently=1', 'only the whole key is taken off');
  assert.equal(withStep(withPageKeys('/?v=2&cpus=2', { lesson: 'x', stop: 2, quiz: true, present: true }), 9),
    '/?v=2&cpus=2&present=1&lesson=x&stop=2&quiz=1&step=9');
  assert.equal(withPageKeys('/?v=2&present=1', { present: false }), '/?v=2', 'leaving the presentation takes it off');
});

test('progress counts stops from 1; ?stop=N is kept within the lesson; a step finds its stop', () => {
  const lesson = { stops: [{ step: 4 }, { step: 9 }, { step: 30 }] };
  assert.equal(progressText(2, 9), 'stop 3 of 9');
  assert.equal(stopIndex(lesson, 1), 0);
  assert.equal(stopIndex(lesson, 99), 2);
  assert.equal(stopAt(lesson, 9), 1);
  assert.equal(stopAt(lesson, 10), null);
});

test('the quiz is asked at the link\'s query with the step drawn, whatever step the link had', () => {
  assert.equal(quizUrl('/?v=2&cpus=2&step=4', 17), '/api/quiz?v=2&cpus=2&step=17');
  assert.equal(quizUrl('/?v=2', 0), '/api/quiz?v=2&step=0');
});

test('score and streak: a wrong answer ends the streak, the best is remembered', () => {
  let s = newScore();
  for (const ok of [true, true, false, true]) s = scored(s, ok);
  assert.deepEqual(s, { asked: 4, right: 3, streak: 1, best: 2 });
  assert.equal(scoreText(s), '3 of 4 right · streak 1 (best 2)');
});

test('feedback names the real move and its kernel function', () => {
  const quiz = { answer: 1, choices: [{ label: 'S (sleeprq): task:0 → tagwait:0' }, { label: 'I (insert): task:0 → ctx:0' }],
    next: { fn: '__blk_mq_insert_request' } };
  assert.equal(feedback(quiz, 1), 'Right: I (insert): task:0 → ctx:0 in __blk_mq_insert_request().');
  assert.match(feedback(quiz, 0), /^Not this time: the model made I \(insert\).*, not S \(sleeprq\)/);
});
